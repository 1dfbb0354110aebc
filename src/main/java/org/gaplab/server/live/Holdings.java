package org.gaplab.server.live;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.data.DatasetCache;
import org.gaplab.server.safety.MemoryBudget;

/**
 * What one experiment holds of the server's shared resources: its shares of cached datasets and its reservation in
 * the memory budget. Released together when the experiment ends; a reset hands them to the rebuilt experiment.
 */
final class Holdings implements AutoCloseable {
    private final List<DatasetCache.Lease> leases;
    private MemoryBudget.Reservation reservation;
    private boolean closed;

    Holdings(List<DatasetCache.Lease> leases) {
        this.leases = new ArrayList<>(leases);
    }

    MemoryBudget.Reservation reservation() { return reservation; }

    void hold(MemoryBudget.Reservation value) {
        this.reservation = value;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        DatasetCache.closeAll(leases);
        leases.clear();
        if (reservation != null) reservation.close();
    }
}
