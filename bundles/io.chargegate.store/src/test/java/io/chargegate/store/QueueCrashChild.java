package io.chargegate.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

/**
 * Child process of {@link RandomKillCrashTest}, using the queue the way the station runtime does: it appends
 * transaction messages ({@code ACK <seq> <value>} once {@code append} returned) and removes the head when the
 * "CSMS confirmed" it ({@code DEL <seq>} once {@code remove} returned), until it is killed.
 */
public final class QueueCrashChild {

    private QueueCrashChild() {
    }

    /**
     * @param args store file, run number (makes values unique), random seed
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        StateStore store = StateStore.open(file);
        DurableQueue q = store.queue("transactions");
        System.out.println("OPEN " + q.size() + " " + q.peek().map(QueueEntry::seq).orElse(0L)
                + " " + q.entries().stream().map(e -> Long.toString(e.seq())).toList());
        System.out.flush();
        for (int i = 0; ; i++) {
            String value = "{\"run\":" + run + ",\"n\":" + i + ",\"action\":\"MeterValues\"}";
            long seq = q.append(value);
            System.out.println("ACK " + seq + " " + value);
            System.out.flush();
            if (random.nextInt(3) == 0) { // the CSMS answered the oldest message
                Optional<QueueEntry> head = q.peek();
                if (head.isPresent() && q.remove(head.get().seq())) {
                    System.out.println("DEL " + head.get().seq());
                    System.out.flush();
                }
            }
        }
    }
}
