package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.export.CurlCommand;
import dev.mdnp.inspector.export.PrettyJson;
import dev.mdnp.inspector.model.CallContext;
import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The detail pane of the selected call: a summary (with the ports a ProgramExternalConnectivity published or a
 * Revoke removed, host ports as mdnp chose them, and its context: Docker's names, an IPAM call's pool, address and
 * the endpoint and container it served), the request and response as indented JSON, the phase timings, the kernel
 * operations in order, the network and endpoint it touched or served (as the store last read them) and the
 * {@code curl} command that sends it again. Everything is empty while no call is selected. FX thread only.
 */
public final class RequestDetailViewModel {

    /** The kernel operation whose target lists the ports published, as {@code docker ps} prints them. */
    private static final String PUBLISH_PORTS = "publish ports";
    private static final String UNDO = "undo ";

    private final InspectorStore store;
    private final Function<RequestRecord, CallContext> contexts;
    private final PrettyJson prettyJson = new PrettyJson(JsonMappers.create());
    private final ZoneId zone = ZoneId.systemDefault();
    private final ObjectProperty<@Nullable RequestRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<SummaryRow> summary = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper requestJson = new ReadOnlyStringWrapper(this, "requestJson", "");
    private final ReadOnlyStringWrapper responseJson = new ReadOnlyStringWrapper(this, "responseJson", "");
    private final ObservableList<PhaseRow> phases = FXCollections.observableArrayList();
    private final ObservableList<KernelOpRecord> kernelOps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable NetworkView> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyObjectWrapper<@Nullable EndpointView> endpoint =
            new ReadOnlyObjectWrapper<>(this, "endpoint");
    private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper(this, "curl", "");

    /**
     * Creates the detail of calls from {@code store}, whose objects supply the related network and endpoint;
     * {@code contexts} says what a call was about (the request log's {@link RequestLogViewModel#contextOf}).
     */
    public RequestDetailViewModel(InspectorStore store, Function<RequestRecord, CallContext> contexts) {
        this.store = requireNonNull(store, "store");
        this.contexts = requireNonNull(contexts, "contexts");
        selected.addListener((obs, old, now) -> show(now));
        store.networks().addListener((Observable changed) -> contextChanged());
        store.endpoints().addListener((Observable changed) -> contextChanged());
        store.requests().addListener((Observable changed) -> contextChanged());
        store.infoProperty().addListener((Observable changed) -> writeCurl());
    }

    /** Returns the call shown; null for none. The view binds it to the table's selection. */
    public ObjectProperty<@Nullable RequestRecord> selectedProperty() {
        return selected;
    }

    /**
     * Returns the summary lines: #, time, method, network, endpoint, then what is known of the call's context (network
     * name, pool, address, the endpoint an IPAM call served, container, aliases), status, error, duration; then
     * "Ports revoked" and "Ports published" when the call removed or published ports.
     */
    public ObservableList<SummaryRow> summary() {
        return summary;
    }

    /** Returns the request body, indented when it is valid JSON. */
    public ReadOnlyStringProperty requestJsonProperty() {
        return requestJson.getReadOnlyProperty();
    }

    /** Returns the response body, indented when it is valid JSON. */
    public ReadOnlyStringProperty responseJsonProperty() {
        return responseJson.getReadOnlyProperty();
    }

    /** Returns where the call's time went, phase by phase. */
    public ObservableList<PhaseRow> phases() {
        return phases;
    }

    /** Returns the kernel operations the call performed, in order. */
    public ObservableList<KernelOpRecord> kernelOps() {
        return kernelOps;
    }

    /** Returns the call's network as the store holds it; null when it has none or the store does not know it. */
    public ReadOnlyObjectProperty<@Nullable NetworkView> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Returns the call's endpoint as the store holds it; null when it has none or the store does not know it. */
    public ReadOnlyObjectProperty<@Nullable EndpointView> endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    /** Returns the {@code curl --unix-socket} command that sends the call again; {@code ""} with none selected. */
    public ReadOnlyStringProperty curlProperty() {
        return curl.getReadOnlyProperty();
    }

    private void show(@Nullable RequestRecord call) {
        if (call == null) {
            summary.clear();
            requestJson.set("");
            responseJson.set("");
            phases.clear();
            kernelOps.clear();
        } else {
            summary.setAll(summaryOf(call));
            requestJson.set(prettyJson.format(call.requestJson()));
            responseJson.set(prettyJson.format(call.responseJson()));
            phases.setAll(PhaseRow.of(call));
            kernelOps.setAll(call.kernelOps());
        }
        findRelated();
        writeCurl();
    }

    private List<SummaryRow> summaryOf(RequestRecord call) {
        List<SummaryRow> rows = new ArrayList<>(List.of(
                new SummaryRow("#", Long.toString(call.seq())),
                new SummaryRow("Time", CallText.dateTime(call.start(), zone)),
                new SummaryRow("Method", call.method()),
                new SummaryRow("Network", call.networkId()),
                new SummaryRow("Endpoint", call.endpointId())));
        rows.addAll(contextRows(call, contexts.apply(call)));
        rows.addAll(List.of(
                new SummaryRow("Status", Integer.toString(call.status())),
                new SummaryRow("Error", call.error()),
                new SummaryRow("Duration", CallText.millis(call.durationMicros()) + " ms")));
        ports(call, UNDO + PUBLISH_PORTS).ifPresent(ports -> rows.add(new SummaryRow("Ports revoked", ports)));
        ports(call, PUBLISH_PORTS).ifPresent(ports -> rows.add(new SummaryRow("Ports published", ports)));
        return rows;
    }

    private static List<SummaryRow> contextRows(RequestRecord call, CallContext context) {
        List<SummaryRow> rows = new ArrayList<>();
        if (call.networkId().isEmpty() && !context.networkId().isEmpty()) {
            rows.add(new SummaryRow("Network (of pool)", context.networkId()));
        }
        addIfKnown(rows, "Network name", context.networkName());
        addIfKnown(rows, "Pool", context.pool());
        addIfKnown(rows, "Address", context.gateway() ? context.address() + " (gateway)" : context.address());
        if (call.endpointId().isEmpty() && !context.endpointId().isEmpty()) {
            rows.add(new SummaryRow("Served endpoint", context.endpointId()));
        }
        if (!context.container().isUnknown()) {
            String name = context.container().name();
            String id = ShortIds.of(context.container().id());
            rows.add(new SummaryRow("Container", name.isEmpty() ? id : id.isEmpty() ? name : name + " (" + id + ")"));
            addIfKnown(rows, "Aliases", String.join(", ", context.container().aliases()));
        }
        return rows;
    }

    private static void addIfKnown(List<SummaryRow> rows, String key, String value) {
        if (!value.isEmpty()) {
            rows.add(new SummaryRow(key, value));
        }
    }

    /** Returns the target of the call's successful {@code operation}: the ports, comma-separated. */
    private static Optional<String> ports(RequestRecord call, String operation) {
        return call.kernelOps().stream()
                .filter(op -> op.operation().equals(operation) && op.ok() && !op.target().isEmpty())
                .map(KernelOpRecord::target)
                .findFirst();
    }

    private void contextChanged() {
        RequestRecord call = selected.get();
        if (call != null) {
            List<SummaryRow> now = summaryOf(call);
            if (!now.equals(summary)) {
                summary.setAll(now); // only when the context changed: a row the user selected stays selected
            }
        }
        findRelated();
    }

    private void findRelated() {
        RequestRecord call = selected.get();
        CallContext context = call == null ? CallContext.NONE : contexts.apply(call);
        network.set(byId(store.networks(), NetworkView::id, context.networkId()));
        endpoint.set(byId(store.endpoints(), EndpointView::id, context.endpointId()));
    }

    private void writeCurl() {
        RequestRecord call = selected.get();
        curl.set(call == null ? "" : CurlCommand.of(call, store.infoProperty().get()));
    }

    private static <T> @Nullable T byId(List<T> objects, Function<T, String> id, String wanted) {
        if (wanted.isEmpty()) {
            return null;
        }
        for (T object : objects) {
            if (id.apply(object).equals(wanted)) {
                return object;
            }
        }
        return null;
    }
}
