package dev.mdnp.inspector.bench;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.store.FxUpdatePump;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.store.UpdateQueue;
import dev.mdnp.inspector.theme.Theme;
import dev.mdnp.inspector.theme.ThemeSwitcher;
import dev.mdnp.inspector.view.shell.MainWindow;
import dev.mdnp.inspector.viewmodel.InspectorViewModels;
import dev.mdnp.inspector.viewmodel.MainWindowViewModel;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Load generator for {@code scripts/bench inspector}: the inspector's real window (store, view models, every view,
 * the request table on screen) fed with synthetic calls at a fixed rate, through the same queue and timed drain as a
 * live feed. It measures whether the FX thread keeps up: the intervals between rendered frames (a stall shows as a
 * long one), the queue's peak, calls dropped, and how long the backlog takes to drain after the load stops. Not a
 * test: it asserts nothing.
 *
 * <p>Usage: {@code FeedRateBenchmark SECONDS RATE[,RATE...] [FILTER]}, e.g. {@code FeedRateBenchmark 10 1000,5000}.
 */
public final class FeedRateBenchmark {

    private static final int QUEUE_CAPACITY = 500_000;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private FeedRateBenchmark() {
    }

    /**
     * What one run measured.
     *
     * @param rate the calls per second offered
     * @param produced calls offered
     * @param shown rows in the request table at the end
     * @param dropped calls the queue dropped because the FX thread fell behind
     * @param peakQueue the most calls waiting at once
     * @param drainMillis how long the backlog took to drain after the load stopped
     * @param frames frame intervals during the load, in milliseconds, sorted
     */
    record Result(int rate, long produced, int shown, long dropped, int peakQueue, long drainMillis,
            double[] frames) {

        double frameQuantile(double q) {
            return frames.length == 0 ? Double.NaN : frames[Math.min(frames.length - 1, (int) (q * frames.length))];
        }

        long stalls() {
            return Arrays.stream(frames).filter(ms -> ms > 100).count();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int[] rates = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        String filter = args.length > 2 ? args[2] : "";
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // each rate closes its window before the next one opens
        System.out.printf(Locale.ROOT, "%8s %9s %8s %7s %10s %9s %9s %9s %9s %7s%n", "calls/s", "offered", "rows",
                "dropped", "peak queue", "drain ms", "frame p50", "frame p99", "frame max", "stalls");
        for (int rate : rates) {
            Result result = run(rate, seconds, filter);
            System.out.printf(Locale.ROOT, "%8d %9d %8d %7d %10d %9d %9.1f %9.1f %9.1f %7d%n", result.rate(),
                    result.produced(), result.shown(), result.dropped(), result.peakQueue(), result.drainMillis(),
                    result.frameQuantile(0.5), result.frameQuantile(0.99), result.frameQuantile(1.0),
                    result.stalls());
        }
        Platform.exit();
    }

    private static Result run(int rate, int seconds, String filter) throws Exception {
        UpdateQueue queue = new UpdateQueue(QUEUE_CAPACITY);
        InspectorStore store = new InspectorStore();
        List<Long> frameNanos = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<Window> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                opened.complete(Window.open(store, queue, filter, frameNanos, loading));
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
            }
        });
        Window window = opened.get(30, TimeUnit.SECONDS);
        TimeUnit.SECONDS.sleep(1); // the first layout and CSS pass

        AtomicInteger peak = new AtomicInteger();
        long produced = produce(queue, rate, Duration.ofSeconds(seconds), peak);
        loading.set(false);
        long stopped = System.nanoTime();
        while (queue.size() > 0 && System.nanoTime() - stopped < DRAIN_LIMIT.toNanos()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
        CompletableFuture<Integer> rows = new CompletableFuture<>();
        Platform.runLater(() -> rows.complete(window.close()));
        int shown = rows.get(30, TimeUnit.SECONDS);
        double[] frames;
        synchronized (frameNanos) {
            frames = new double[Math.max(0, frameNanos.size() - 1)];
            for (int i = 1; i < frameNanos.size(); i++) {
                frames[i - 1] = (frameNanos.get(i) - frameNanos.get(i - 1)) / 1e6;
            }
        }
        Arrays.sort(frames);
        return new Result(rate, produced, shown, queue.dropped(), peak.get(), drainMillis, frames);
    }

    /** Offers {@code rate} calls per second for {@code duration}, in 1 ms ticks; returns how many it offered. */
    private static long produce(UpdateQueue queue, int rate, Duration duration, AtomicInteger peak)
            throws InterruptedException {
        List<RequestRecord> templates = templates();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long produced = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            for (; produced < due; produced++) {
                RequestRecord template = templates.get((int) (produced % templates.size()));
                queue.accept(new FeedUpdate.Request(copy(template, produced + 1)));
            }
            peak.accumulateAndGet(queue.size(), Math::max);
            TimeUnit.MICROSECONDS.sleep(1000);
        }
        return produced;
    }

    private static RequestRecord copy(RequestRecord template, long seq) {
        return new RequestRecord(seq, Instant.now(), template.method(), template.networkId(), template.endpointId(),
                template.status(), template.error(), template.requestJson(), template.responseJson(),
                template.durationMicros() + seq % 97, template.phases(), template.kernelOps());
    }

    /** A container's calls as Docker sends them, with bodies and kernel operations of realistic size. */
    private static List<RequestRecord> templates() {
        String network = "5e".repeat(32);
        String endpoint = "c0".repeat(32);
        List<KernelOpRecord> ops = List.of(new KernelOpRecord("create veth", "mdnph" + endpoint.substring(0, 10),
                900, ""), new KernelOpRecord("set master", "mdnph" + endpoint.substring(0, 10), 120, ""),
                new KernelOpRecord("set up", "mdnph" + endpoint.substring(0, 10), 80, ""));
        String create = "{\"NetworkID\":\"" + network + "\",\"EndpointID\":\"" + endpoint
                + "\",\"Interface\":{\"Address\":\"10.1.0.7/24\",\"AddressIPv6\":\"\",\"MacAddress\":\"\"},"
                + "\"Options\":{\"com.docker.network.endpoint.exposedports\":[],\"com.docker.network.portmap\":[]}}";
        return List.of(
                call("IpamDriver.RequestAddress", "", "", "{\"PoolID\":\"p1\",\"Address\":\"\",\"Options\":null}",
                        "{\"Address\":\"10.1.0.7/24\",\"Data\":null}", List.of()),
                call("NetworkDriver.CreateEndpoint", network, endpoint, create,
                        "{\"Interface\":{\"MacAddress\":\"02:42:0a:01:00:07\"}}", ops),
                call("NetworkDriver.Join", network, endpoint, "{\"NetworkID\":\"" + network + "\",\"EndpointID\":\""
                        + endpoint + "\",\"SandboxKey\":\"/var/run/docker/netns/abc\",\"Options\":{}}",
                        "{\"InterfaceName\":{\"SrcName\":\"mdnpc0\",\"DstPrefix\":\"eth\"},\"Gateway\":\"10.1.0.1\"}",
                        List.of()),
                call("NetworkDriver.Leave", network, endpoint, "{}", "{}", List.of()),
                call("NetworkDriver.DeleteEndpoint", network, endpoint, "{}", "{}", ops.subList(0, 1)),
                call("NetworkDriver.GetCapabilities", "", "", "", "{\"Scope\":\"local\"}", List.of()));
    }

    private static RequestRecord call(String method, String network, String endpoint, String request,
            String response, List<KernelOpRecord> ops) {
        return new RequestRecord(0, Instant.EPOCH, method, network, endpoint, 200, "", request, response, 1500,
                new PhaseTimings(20, 300, 900, 200, 30), ops);
    }

    /** The window under load, with a frame counter. */
    private static final class Window {

        private final Stage stage;
        private final FxUpdatePump pump;
        private final AnimationTimer frames;
        private final TableView<?> table;

        private Window(Stage stage, FxUpdatePump pump, AnimationTimer frames, TableView<?> table) {
            this.stage = stage;
            this.pump = pump;
            this.frames = frames;
            this.table = table;
        }

        static Window open(InspectorStore store, UpdateQueue queue, String filter, List<Long> frameNanos,
                AtomicBoolean loading) {
            InspectorViewModels models = InspectorViewModels.over(store, "benchmark", Clock.systemDefaultZone());
            models.log().filterBar().filterTextProperty().set(filter);
            ThemeSwitcher themes = new ThemeSwitcher(Theme.LIGHT);
            MainWindow window = new MainWindow(models, List.of(), themes, store.capacity(),
                    new MainWindowViewModel());
            Stage stage = new Stage();
            Scene scene = new Scene(window.root(), 1280, 800);
            themes.style(scene);
            stage.setScene(scene);
            stage.show();
            AnimationTimer frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (loading.get()) {
                        synchronized (frameNanos) {
                            frameNanos.add(now);
                        }
                    }
                }
            };
            frames.start();
            FxUpdatePump pump = new FxUpdatePump(queue, store);
            pump.start();
            return new Window(stage, pump, frames, window.table("requestTable"));
        }

        int close() {
            frames.stop();
            pump.close();
            int rows = table.getItems().size();
            stage.close();
            return rows;
        }
    }
}
