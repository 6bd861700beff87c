package dev.ferro.impl.concurrency;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.TransactionOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transfer workload: accounts of {@value #INITIAL} each and a fixed plan of random transfers
 * between them, run concurrently, each in a transaction written with Ferro's model API only, one of
 * the three ways that lose nothing. Every transfer must go through, so the final balances are known
 * exactly from the plan.
 */
final class Transfers {
    static final int ACCOUNTS = 50;
    static final long INITIAL = 1_000;
    /** Far more than 16 writers on 50 rows conflict, with the jittered pause between attempts. */
    static final int RETRIES = 200;

    /** How a transfer keeps concurrent ones from losing its write. */
    enum Way {
        /** get both, change, save both: {@code @Version} detects a concurrent change, the transaction retries. */
        VERSIONED,
        /** {@code forUpdate()} both rows (in id order, one statement), change, save both. */
        LOCKED,
        /** {@code update(balance.subtract(...))} and {@code update(balance.add(...))}, lower id first. */
        EXPRESSION
    }

    record Transfer(int from, int to, long amount) {
    }

    /** What a run left: the balances, their sum, the balances the plan demands, and the attempts it took. */
    record Result(List<Long> balances, long sum, List<Long> expected, int transactions, int attempts) {
    }

    private Transfers() {
    }

    /** The models each way needs tables for. */
    static Class<?>[] models() {
        return new Class<?>[] {CcAccount.class, CcVersioned.class};
    }

    static List<Transfer> plan(int count, long seed) {
        Random random = new Random(seed);
        List<Transfer> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            plan.add(new Transfer(from, to, 1 + random.nextInt(100)));
        }
        return plan;
    }

    /** Runs the plan on {@code workers} tasks of {@code threads}; any transfer that fails for good fails the run. */
    static Result run(Ferro ferro, Way way, List<Transfer> plan, ExecutorService threads, int workers) throws Exception {
        long[] ids = seed(ferro, way);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        TransactionOptions options = TransactionOptions.defaults().retries(RETRIES);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                    Transfer transfer = plan.get(i);
                    long from = ids[transfer.from()];
                    long to = ids[transfer.to()];
                    ferro.transaction(options, () -> {
                        attempts.incrementAndGet();
                        transfer(ferro, way, from, to, transfer.amount());
                        return null;
                    });
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        long[] expected = new long[ACCOUNTS];
        java.util.Arrays.fill(expected, INITIAL);
        for (Transfer transfer : plan) {
            expected[transfer.from()] -= transfer.amount();
            expected[transfer.to()] += transfer.amount();
        }
        List<Long> balances = balances(ferro, way, ids);
        return new Result(balances, balances.stream().mapToLong(Long::longValue).sum(),
                java.util.Arrays.stream(expected).boxed().toList(), plan.size(), attempts.get());
    }

    private static void transfer(Ferro ferro, Way way, long from, long to, long amount) {
        long low = Math.min(from, to);
        long high = Math.max(from, to);
        switch (way) {
            case VERSIONED -> {
                Query<CcVersioned> accounts = ferro.query(CcVersioned.class);
                CcVersioned source = accounts.get(from);
                CcVersioned target = accounts.get(to);
                source.balance -= amount;
                target.balance += amount;
                // Saved in id order, as every writer does, so two opposite transfers never wait for each other in a cycle.
                ferro.save(source.id == low ? source : target);
                ferro.save(source.id == low ? target : source);
            }
            case LOCKED -> {
                Query<CcAccount> accounts = ferro.query(CcAccount.class);
                List<CcAccount> both = accounts.where(CcAccount_.id.in(low, high)).orderBy(CcAccount_.id.asc()).forUpdate().all();
                CcAccount source = both.get(both.get(0).id == from ? 0 : 1);
                CcAccount target = both.get(both.get(0).id == from ? 1 : 0);
                source.balance -= amount;
                target.balance += amount;
                ferro.save(both.get(0));
                ferro.save(both.get(1));
            }
            case EXPRESSION -> {
                Query<CcAccount> accounts = ferro.query(CcAccount.class);
                accounts.where(CcAccount_.id.eq(low)).update(low == from ? CcAccount_.balance.subtract(amount)
                        : CcAccount_.balance.add(amount));
                accounts.where(CcAccount_.id.eq(high)).update(high == from ? CcAccount_.balance.subtract(amount)
                        : CcAccount_.balance.add(amount));
            }
        }
    }

    private static long[] seed(Ferro ferro, Way way) {
        long[] ids = new long[ACCOUNTS];
        if (way == Way.VERSIONED) {
            List<CcVersioned> made = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                made.add(new CcVersioned("account" + i, INITIAL));
            }
            ferro.query(CcVersioned.class).createAll(made);
            for (int i = 0; i < ACCOUNTS; i++) {
                ids[i] = made.get(i).id;
            }
        } else {
            List<CcAccount> made = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                made.add(new CcAccount("account" + i, INITIAL));
            }
            ferro.query(CcAccount.class).createAll(made);
            for (int i = 0; i < ACCOUNTS; i++) {
                ids[i] = made.get(i).id;
            }
        }
        return ids;
    }

    private static List<Long> balances(Ferro ferro, Way way, long[] ids) {
        List<Long> balances = new ArrayList<>();
        for (long id : ids) {
            balances.add(way == Way.VERSIONED ? ferro.query(CcVersioned.class).get(id).balance
                    : ferro.query(CcAccount.class).get(id).balance);
        }
        return balances;
    }
}
