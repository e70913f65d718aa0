package dev.leash.gateway.alerts;

import java.util.List;

/** How many alerts each channel delivered or gave up on, and how many were dropped before any channel saw them. */
public interface AlertCounts {

    /** Counts of a gateway without alert channels: all zero. */
    AlertCounts NONE = new AlertCounts() {
        @Override
        public List<String> channels() {
            return List.of();
        }

        @Override
        public long sent(String channel) {
            return 0;
        }

        @Override
        public long failed(String channel) {
            return 0;
        }

        @Override
        public long dropped() {
            return 0;
        }
    };

    /** The configured channels' names. */
    List<String> channels();

    /** Alerts {@code channel} accepted (a 2xx answer). */
    long sent(String channel);

    /** Alerts {@code channel} did not accept after every try. */
    long failed(String channel);

    /** Alerts dropped because the queue was full or the sender closed. */
    long dropped();
}
