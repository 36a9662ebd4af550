package org.servicehall.platform.eventstore;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stalls the insert of one aggregate's commit in the driver, after its position was reserved and before the
 * server sees it: the worst moment for a writer to pause.
 */
final class StallingListener implements CommandListener {

    private final AtomicReference<String> aggregateToStall = new AtomicReference<>();
    private volatile Duration stall = Duration.ZERO;
    final CountDownLatch stalling = new CountDownLatch(1);

    void stallNextInsertOf(String aggregateIdentifier, Duration duration) {
        stall = duration;
        aggregateToStall.set(aggregateIdentifier);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String aggregate = aggregateToStall.get();
        if (aggregate == null || !"insert".equals(event.getCommandName())) {
            return;
        }
        BsonDocument command = event.getCommand();
        if (!command.containsKey("documents")) {
            return;
        }
        for (BsonValue document : command.getArray("documents")) {
            BsonValue id = document.asDocument().get("_id");
            if (id != null && id.isString() && id.asString().getValue().startsWith(aggregate + ":")
                    && aggregateToStall.compareAndSet(aggregate, null)) {
                stalling.countDown();
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }
}
