package dev.leash.journal;

import dev.leash.venue.Position;

import java.util.List;

/** The open positions at one instant, ordered by symbol; empty when flat. */
public record PositionSnapshot(long time, List<Position> positions) {

    public PositionSnapshot {
        positions = List.copyOf(positions);
    }
}
