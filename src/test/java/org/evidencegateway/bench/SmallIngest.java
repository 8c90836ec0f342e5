package org.evidencegateway.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Many small packages through the whole gateway over mutual TLS, from packages built in advance: first at the
 * maximum rate (closed loop: {@code senders} keep-alive connections, each sending its next package as soon as the
 * previous one is answered), then at half that rate (open loop: packages are sent on a fixed schedule whatever the
 * answers, and latency counts from the scheduled time, so a slow answer cannot hide the queue behind it). Each run
 * has a warm-up (half its duration, at least a second, not counted: the JIT compiles for minutes); then accepted
 * packages per second, the latency of the answer (202 with the signed receipt) and of delivery (stored at the case
 * system), the delivery queue at the end of sending, how long delivery took to catch up, and the CPU it all cost.
 */
final class SmallIngest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final int OPEN_LOOP_THREADS = 32;

    private final BenchGateway gateway;
    private final GatewayBenchSettings settings;

    SmallIngest(BenchGateway gateway, GatewayBenchSettings settings) {
        this.gateway = gateway;
        this.settings = settings;
    }

    /** The maximum-rate run and the half-rate run for one payload size. */
    List<Result> measure(int payload) throws Exception {
        List<Result> results = new ArrayList<>();
        Files.createDirectories(settings.dir());
        System.out.println("== small " + Sizes.format(payload) + ": building " + settings.maxPackages() + " packages");
        Result maximum;
        long building = System.nanoTime();
        try (PackagePool pool = PackagePool.build(settings.dir().resolve("pool.bin"), settings.maxPackages(), payload,
                settings.encryptTo())) {
            System.out.printf(Locale.ROOT, "== small %s: built in %.1f s%n", Sizes.format(payload),
                    (System.nanoTime() - building) / 1e9);
            maximum = run(pool, payload, 0);
        }
        results.add(maximum);
        double half = maximum.acceptedPerSecond() / 2;
        int needed = (int) Math.ceil(half * (warmUp().toNanos() + settings.duration().toNanos()) / 1e9 * 1.02) + 16;
        System.out.println("== small " + Sizes.format(payload) + ": building " + needed + " packages for "
                + String.format(Locale.ROOT, "%.0f", half) + "/s");
        try (PackagePool pool = PackagePool.build(settings.dir().resolve("pool.bin"), needed, payload,
                settings.encryptTo())) {
            results.add(run(pool, payload, half));
        }
        return results;
    }

    private Duration warmUp() {
        return Duration.ofMillis(Math.max(1000, settings.duration().toMillis() / 2));
    }

    /** One run; {@code rate} 0 is the closed loop at the maximum rate. */
    private Result run(PackagePool pool, int payload, double rate) throws Exception {
        String mode = rate == 0 ? "maximum (" + settings.senders() + " senders)"
                : String.format(Locale.ROOT, "half (open loop at %.0f/s)", rate);
        System.out.println("== small " + Sizes.format(payload) + ", " + mode + ": " + warmUp().toSeconds()
                + " s warm-up, " + settings.duration().toSeconds() + " s measured");
        Load load = new Load(pool);
        gateway.startPhase();
        CpuMeter cpu = CpuMeter.start(gateway.pid());
        long start = System.nanoTime();
        long counted = start + warmUp().toNanos();
        long end = counted + settings.duration().toNanos();
        if (rate == 0) {
            load.closedLoop(end);
        } else {
            load.openLoop(start, end, rate);
        }
        long sent = System.nanoTime();
        long queueDepth = gateway.queueDepth();
        List<UUID> accepted = load.accepted(0, Long.MAX_VALUE);
        boolean drained = gateway.arrivals().await(accepted, drainTimeout().toNanos());
        double drainSeconds = (System.nanoTime() - sent) / 1e9;
        Cost cost = new Cost(cpu.stop(), accepted.size());
        BenchGateway.PhaseMemory memory = gateway.endPhase();
        gateway.requireAlive();
        Result result = load.result(payload, mode, rate, counted, end, queueDepth, drained, drainSeconds, memory,
                cost);
        System.out.println("== small " + Sizes.format(payload) + ", " + mode + ": " + result.summary());
        return result;
    }

    private Duration drainTimeout() {
        return settings.smoke() ? Duration.ofSeconds(60) : Duration.ofMinutes(5);
    }

    /** The requests of one run, by index into the pool. */
    private final class Load {
        private final PackagePool pool;
        private final long[] started;
        private final long[] answered;
        private final int[] status;
        private final AtomicInteger next = new AtomicInteger();
        /** When the packages ran out (the measured window ends there), or never. */
        private final AtomicLong exhaustedAt = new AtomicLong(Long.MAX_VALUE);

        Load(PackagePool pool) {
            this.pool = pool;
            this.started = new long[pool.size()];
            this.answered = new long[pool.size()];
            this.status = new int[pool.size()];
        }

        void closedLoop(long end) throws InterruptedException {
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < settings.senders(); s++) {
                Thread sender = new Thread(() -> {
                    HttpClient client = gateway.newClient();
                    for (int i = next.getAndIncrement(); System.nanoTime() < end; i = next.getAndIncrement()) {
                        if (i >= pool.size()) {
                            exhaustedAt.accumulateAndGet(System.nanoTime(), Math::min);
                            return;
                        }
                        started[i] = System.nanoTime();
                        send(client, i);
                    }
                }, "sender-" + s);
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join();
            }
        }

        void openLoop(long start, long end, double rate) throws InterruptedException {
            ExecutorService senders = Executors.newFixedThreadPool(OPEN_LOOP_THREADS);
            ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(gateway::newClient);
            double interval = 1e9 / rate;
            for (int i = 0; ; i++) {
                long due = start + (long) (i * interval);
                if (due >= end) {
                    break;
                }
                if (i >= pool.size()) {
                    exhaustedAt.accumulateAndGet(due, Math::min);
                    break;
                }
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                started[index] = due;
                senders.execute(() -> send(clients.get(), index));
            }
            senders.shutdown();
            if (!senders.awaitTermination(REQUEST_TIMEOUT.toMinutes() + 1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("open-loop senders still busy after the request timeout");
            }
        }

        private void send(HttpClient client, int index) {
            try {
                HttpResponse<String> response = client.send(gateway.submission(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(pool.read(index))).build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean receipt = response.statusCode() != 202 || response.body().contains("signedEvidence");
                status[index] = receipt ? response.statusCode() : -2;
            } catch (IOException e) {
                status[index] = -1;
            } catch (InterruptedException e) {
                status[index] = -1;
                Thread.currentThread().interrupt();
            }
            answered[index] = System.nanoTime();
        }

        /** Ids of the packages accepted whose request started in [from, to). */
        List<UUID> accepted(long from, long to) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                if (status[i] == 202 && started[i] >= from && started[i] < to) {
                    ids.add(pool.id(i));
                }
            }
            return ids;
        }

        Result result(int payload, String mode, double rate, long from, long end, long queueDepth, boolean drained,
                      double drainSeconds, BenchGateway.PhaseMemory memory, Cost cost) {
            long to = Math.min(end, exhaustedAt.get());
            if (to <= from) {
                throw new IllegalStateException("the " + pool.size() + " packages built ran out during the warm-up;"
                        + " raise bench.gateway.max-packages");
            }
            boolean exhausted = to < end;
            long[] accept = new long[pool.size()];
            long[] delivery = new long[pool.size()];
            int acceptedCount = 0;
            int deliveredCount = 0;
            int refused = 0;
            long bytes = 0;
            for (int i = 0; i < pool.size(); i++) {
                if (status[i] == 0 || started[i] < from || started[i] >= to) {
                    continue;
                }
                if (status[i] != 202) {
                    refused++;
                    continue;
                }
                bytes += pool.length(i);
                accept[acceptedCount++] = answered[i] - started[i];
                Long stored = gateway.arrivals().storedAt(pool.id(i));
                if (stored != null) {
                    delivery[deliveredCount++] = stored - started[i];
                }
            }
            double seconds = (to - from) / 1e9;
            return new Result(payload, acceptedCount == 0 ? 0 : bytes / acceptedCount, mode, rate, seconds,
                    acceptedCount, refused, exhausted, Latencies.of(accept, acceptedCount),
                    Latencies.of(delivery, deliveredCount), queueDepth, drained, drainSeconds, memory, cost);
        }
    }

    /**
     * One run's figures (requests started in the measured window).
     *
     * @param packageBytes   average package size sent
     * @param offeredRate    packages per second scheduled (open loop), 0 for the closed loop
     * @param refused        answers other than 202 with a receipt, and failed requests
     * @param exhausted      whether the packages built in advance ran out before the end (the window was shorter)
     * @param accept         latency from sending (scheduled time in the open loop) to the receipt
     * @param delivery       latency from sending to stored at the case system, of the packages stored
     * @param queueDepth     claim checks waiting for delivery when sending stopped
     * @param drained        whether every accepted package was stored within the drain timeout
     * @param drainSeconds   from the end of sending until the last package was stored (or the timeout)
     * @param cost           CPU spent from the first package sent (warm-up included) until delivery caught up
     */
    record Result(int payload, long packageBytes, String mode, double offeredRate, double seconds, int accepted,
                  int refused, boolean exhausted, Latencies accept, Latencies delivery, long queueDepth,
                  boolean drained, double drainSeconds, BenchGateway.PhaseMemory memory, Cost cost) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }

        String summary() {
            return String.format(Locale.ROOT, "%.0f accepted/s (%d, %d refused%s), accept p50/p99/p99.9 %s ms,"
                            + " delivery %s ms (%d of %d), queue %d at the end, drained %s in %.1f s, heap %s",
                    acceptedPerSecond(), accepted, refused, exhausted ? ", pool exhausted" : "", accept.summary(),
                    delivery.summary(), delivery.count(), accepted, queueDepth, drained ? "yes" : "NO",
                    drainSeconds, memory.heapCell()) + ", CPU per package ms (gateway / senders + case system) "
                    + cost.cell();
        }
    }

    /** CPU spent on a whole run, sending and delivery, and the packages accepted in it (warm-up included). */
    record Cost(CpuMeter.Use use, int packages) {
        String cell() {
            return packages == 0 ? "-" : use.perPackage(packages);
        }
    }
}
