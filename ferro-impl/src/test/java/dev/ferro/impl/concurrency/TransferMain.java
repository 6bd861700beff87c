package dev.ferro.impl.concurrency;

import dev.ferro.Ferro;
import dev.ferro.impl.concurrency.Transfers.Result;
import dev.ferro.impl.concurrency.Transfers.Way;
import dev.ferro.impl.testing.Database;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The transfer workload in a JVM of its own, on virtual threads, which {@link TransferTest} starts
 * on a Java 21+ JDK (this module compiles for 17, so the executor is looked up by name).
 * Arguments: database, way, transfers, tasks. Prints one {@code RESULT} line.
 */
public final class TransferMain {
    private TransferMain() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.valueOf(args[0]);
        Way way = Way.valueOf(args[1]);
        int transfers = Integer.parseInt(args[2]);
        int tasks = Integer.parseInt(args[3]);
        ExecutorService threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        Class<?>[] models = Transfers.models();
        Ferro ferro = database.connect(database.options().models(models));
        try {
            for (int i = models.length - 1; i >= 0; i--) {
                ferro.schema().drop(models[i]);
            }
            ferro.schema().create(models);
            Result result = Transfers.run(ferro, way, Transfers.plan(transfers, 12), threads, tasks);
            System.out.println("RESULT sum=" + result.sum() + " exact=" + result.expected().equals(result.balances())
                    + " transactions=" + result.transactions() + " attempts=" + result.attempts());
        } finally {
            threads.shutdownNow();
            ferro.close();
        }
    }
}
