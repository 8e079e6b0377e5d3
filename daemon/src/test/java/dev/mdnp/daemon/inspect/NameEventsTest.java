package dev.mdnp.daemon.inspect;

import static dev.mdnp.daemon.inspect.InspectFixture.EP;
import static dev.mdnp.daemon.inspect.InspectFixture.NET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.InspectEvent;
import org.junit.jupiter.api.Test;

class NameEventsTest {

    @Test
    void nameChangesArePublishedAsStateChangesOfTheNetworkOrTheEndpoint() {
        EventLog events = new EventLog(10);
        NameEvents names = new NameEvents(events);

        names.networkNamed(NET);
        names.containerNamed(EP);

        assertThat(events.after(0, 10)).containsExactly(
                new InspectEvent.StateChange(1, "network-named", NET),
                new InspectEvent.StateChange(2, "container-named", EP));
    }
}
