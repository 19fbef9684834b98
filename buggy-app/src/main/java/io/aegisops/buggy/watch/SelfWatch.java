package io.aegisops.buggy.watch;

import io.aegisops.buggy.client.AlertNotifier;
import io.aegisops.buggy.config.BuggyConfig;
import io.aegisops.buggy.work.Workload;
import io.aegisops.contract.AppAlert;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app watching itself: each tick it measures heap, CPU and {@code /work} latency (probing {@code /work} so
 * latency is known without traffic), judges the sample, and raises at most one alert per type per cooldown.
 * The tick never waits on the probe or on delivery, so neither a held lock nor a dead monitor can stop it.
 */
@ApplicationScoped
public class SelfWatch {

    private static final Logger LOG = Logger.getLogger(SelfWatch.class);
    private static final double MB = 1024.0 * 1024.0;

    private final BuggyConfig config;
    private final WorkLatency latency;
    private final AlertNotifier notifier;
    private final EvidenceLog evidence;
    private final Detector detector;
    private final AlertCooldown cooldown;
    private final CpuMeter cpu = new CpuMeter(Runtime.getRuntime().availableProcessors());
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ExecutorService probeThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "work-probe");
        t.setDaemon(true);
        return t;
    });
    private final SyntheticProbe probe;
    private final String container;
    private final AtomicLong samples = new AtomicLong();
    private volatile Sample lastSample;
    private volatile List<Breach> breaches = List.of();

    public SelfWatch(BuggyConfig config, Workload workload, WorkLatency latency, AlertNotifier notifier,
                     EvidenceLog evidence) {
        this.config = config;
        this.latency = latency;
        this.notifier = notifier;
        this.evidence = evidence;
        this.detector = new Detector(Thresholds.from(config.watch()));
        this.cooldown = new AlertCooldown(config.alerts().cooldown());
        this.probe = new SyntheticProbe(probeThread, () -> {
            try {
                workload.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, System::nanoTime);
        this.container = config.container().filter(c -> !c.isBlank()).orElseGet(SelfWatch::hostname);
    }

    @Scheduled(identity = "self-watch", every = "${buggy.watch.sample-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long inFlightMs = probe.tick();
        Sample sample = measure(inFlightMs);
        List<Breach> found = detector.evaluate(sample);
        lastSample = sample;
        breaches = found;
        samples.incrementAndGet();
        for (Breach breach : found) {
            if (cooldown.tryAcquire(breach.type(), sample.at())) {
                raise(breach, sample.at());
            }
        }
    }

    /** Thresholds crossed by the last sample; empty before the first. */
    public List<Breach> breaches() {
        return breaches;
    }

    /** The last sample; null before the first tick. */
    public Sample lastSample() {
        return lastSample;
    }

    public WatchStatus status() {
        return new WatchStatus(config.serviceName(), container, samples.get(), probe.skipped(), lastSample,
                breaches, notifier.lastAlerts(), notifier.sentCount(), notifier.failedCount(),
                notifier.droppedCount(), notifier.monitorConfigured());
    }

    void onStop(@Observes ShutdownEvent event) {
        probeThread.shutdownNow();
    }

    private Sample measure(long probeInFlightMs) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        long limit = HeapPressure.limitBytes(heap.getMax(), heap.getCommitted());
        OptionalDouble load = cpu.sample(processCpuNanos(), System.nanoTime());
        LatencyWindow.Stats work = latency.stats();
        return new Sample(Instant.now(), heap.getUsed() / MB, limit / MB,
                HeapPressure.percent(heap.getUsed(), heap.getMax(), heap.getCommitted()),
                load.isPresent() ? load.getAsDouble() * 100 : null, cpu.processors(),
                work.count(), work.p95Ms(), work.maxMs(), latency.warmedUp() ? probeInFlightMs : 0);
    }

    private void raise(Breach breach, Instant at) {
        // Logged before the evidence is taken, so the alert's own reason is its last line of evidence.
        LOG.warnf("%s %s: %s", breach.severity(), breach.type(), breach.summary());
        AppAlert alert = new AppAlert(breach.type(), config.serviceName(), container, breach.severity(),
                breach.summary(), breach.metrics(), evidence.last(config.alerts().evidenceLines()),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        notifier.publish(alert);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Docker sets the hostname to the container id, which is what the platform needs to find the container. */
    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
