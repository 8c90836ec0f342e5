package org.evidencegateway.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap during one measured operation: the peak heap used (sum of the heap pools' peaks, an upper
 * bound that a lazy collector lets grow towards {@code -Xmx}) and the peak heap still live after a collection (the
 * figure that shows whether memory grows with the package).
 */
public final class HeapWatch implements AutoCloseable {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final NotificationListener listener = this::onCollection;

    private HeapWatch() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
    }

    /** Resets the pools' peaks and starts listening to collections. */
    public static HeapWatch start() {
        return new HeapWatch();
    }

    /** Sum of each heap pool's peak usage since {@link #start()}. */
    public long peakUsedBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** Largest heap occupancy right after a collection since {@link #start()}; -1 if no collection ran. */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    /** {@code peak-heap=<bytes> peak-heap-after-gc=<bytes> gc=<names> max-heap=<bytes>}, for a {@code RESULT} line. */
    public String resultFields() {
        String collectors = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> gc.getName().replace(' ', '_')).toList());
        return "peak-heap=" + peakUsedBytes() + " peak-heap-after-gc=" + peakAfterGcBytes() + " gc=" + collectors
                + " max-heap=" + Runtime.getRuntime().maxMemory();
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
        long live = heapPools.stream().map(pool -> after.get(pool.getName()))
                .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum();
        peakAfterGc.accumulateAndGet(live, Math::max);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // never registered on this bean: nothing to undo
            }
        }
    }
}
