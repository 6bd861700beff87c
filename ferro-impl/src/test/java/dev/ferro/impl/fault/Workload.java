package dev.ferro.impl.fault;

import dev.ferro.ConnectionLostException;
import dev.ferro.Ferro;
import dev.ferro.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Client threads that insert a row and read it back, again and again, on one Ferro, and record
 * every call: when it started and ended, whether its insert was acknowledged, and what it threw.
 * Half the writers insert outside any transaction (autocommit), half inside a transaction block
 * with the read, so that a fault can meet a statement, a commit or a connection being opened.
 */
final class Workload implements AutoCloseable {
    /** The longest a workload may run, whatever its test does: every loop here ends. */
    private static final long LONGEST_RUN_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MOST_CALLS_PER_WRITER = 100_000;
    /** Between two calls of a writer: keeps four writers from taking both cores of a shared machine. */
    private static final long PAUSE_MILLIS = 2;

    /** One call of a writer: an insert and a read of the row back. */
    record Call(int writer, String token, long startNanos, long endNanos, boolean insertAcknowledged,
                RuntimeException failure) {
        boolean succeeded() {
            return failure == null;
        }

        /**
         * Whether the insert may or may not have happened: the connection broke during a commit, or
         * during an insert in autocommit, which is its own commit (Ferro cannot tell whether the
         * server committed it before the connection went, and says so only for an explicit commit).
         */
        boolean outcomeUnknown() {
            if (!(failure instanceof ConnectionLostException lost)) {
                return false;
            }
            return lost.commitOutcomeUnknown() || (!inTransaction(writer) && !insertAcknowledged);
        }
    }

    /** Odd writers insert inside a transaction block, even ones in autocommit. */
    static boolean inTransaction(int writer) {
        return writer % 2 == 1;
    }

    private final Ferro ferro;
    private final Query<FaultRecord> records;
    private final String prefix;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private Workload(Ferro ferro, String prefix) {
        this.ferro = ferro;
        this.records = ferro.query(FaultRecord.class);
        this.prefix = prefix;
    }

    /** Starts {@code writers} threads; tokens are {@code prefix-w<writer>-<n>}. */
    static Workload start(Ferro ferro, String prefix, int writers) {
        Workload workload = new Workload(ferro, prefix);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> workload.loop(writer), "fault-writer-" + prefix + "-" + w);
            thread.setDaemon(true);
            workload.threads.add(thread);
            thread.start();
        }
        return workload;
    }

    private void loop(int writer) {
        long deadline = System.nanoTime() + LONGEST_RUN_NANOS;
        boolean inTransaction = inTransaction(writer);
        for (int n = 0; n < MOST_CALLS_PER_WRITER && !stop.get() && System.nanoTime() < deadline; n++) {
            String token = prefix + "-w" + writer + "-" + n;
            long start = System.nanoTime();
            boolean[] acknowledged = {false};
            try {
                if (inTransaction) {
                    ferro.transaction(() -> {
                        insertAndReadBack(token, writer);
                    });
                    acknowledged[0] = true;
                } else {
                    FaultRecord created = records.create(new FaultRecord(token, writer));
                    acknowledged[0] = true;
                    readBack(token, created.id);
                }
                calls.add(new Call(writer, token, start, System.nanoTime(), true, null));
            } catch (RuntimeException e) {
                calls.add(new Call(writer, token, start, System.nanoTime(), acknowledged[0], e));
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void insertAndReadBack(String token, int writer) {
        FaultRecord created = records.create(new FaultRecord(token, writer));
        readBack(token, created.id);
    }

    private void readBack(String token, Long id) {
        FaultRecord read = records.where(FaultRecord_.token.eq(token)).one();
        if (!id.equals(read.id)) {
            throw new AssertionError("Read back " + read + " for " + token + ", inserted as id " + id);
        }
    }

    /** Every call so far, in no particular order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits until every writer has had {@code count} successful calls, or the timeout passes. */
    boolean awaitSuccesses(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            int[] successes = new int[threads.size()];
            for (Call call : calls) {
                if (call.succeeded()) {
                    successes[call.writer()]++;
                }
            }
            if (java.util.Arrays.stream(successes).allMatch(s -> s >= count)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** The failures' types by simple name, with their counts. */
    static Map<String, Integer> failureTypes(List<Call> calls) {
        Map<String, Integer> types = new TreeMap<>();
        for (Call call : calls) {
            if (!call.succeeded()) {
                types.merge(call.failure().getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        return types;
    }

    /** Stops the writers and waits for them (each ends its call in flight first). */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                throw new IllegalStateException("Writer " + thread.getName() + " did not stop");
            }
        }
    }
}
