package dev.mdnp.inspector.model;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.strangeVeth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkIndexTest {

    private final EndpointView endpoint = endpoint('1', "10.77.0.2/24", false);

    @Test
    void aNameTheReadingDoesNotMentionHasNoDriftAndNoStatus() {
        LinkIndex links = LinkIndex.of(List.of());

        assertThat(links.drift("mdnpbnothing")).isEqualTo(Drift.NONE);
        assertThat(links.status("mdnpbnothing")).isEqualTo(LinkStatus.ABSENT);
        assertThat(links.find("mdnpbnothing")).isEmpty();
    }

    @Test
    void anEndpointIsMissingWhenEitherEndIsMissing() {
        LinkIndex links = LinkIndex.of(List.of(hostLink('1'), missing(containerEnd('1'), "veth", NET, endpoint.id())));

        assertThat(links.endpointDrift(endpoint)).isEqualTo(Drift.MISSING_IN_KERNEL);
    }

    @Test
    void aMissingEndOutweighsAnUnknownOne() {
        LinkIndex links = LinkIndex.of(List.of(strangeVeth(hostEnd('1'), "", ""),
                missing(containerEnd('1'), "veth", NET, endpoint.id())));

        assertThat(links.endpointDrift(endpoint)).isEqualTo(Drift.MISSING_IN_KERNEL);
    }

    @Test
    void anEndpointWhoseEndsAreBothThereHasNoDrift() {
        LinkIndex links = LinkIndex.of(List.of(hostLink('1')));

        assertThat(links.endpointDrift(endpoint)).isEqualTo(Drift.NONE);
        assertThat(links.status(hostEnd('1')).inKernel()).isTrue();
    }
}
