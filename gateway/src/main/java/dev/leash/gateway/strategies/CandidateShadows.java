package dev.leash.gateway.strategies;

import dev.leash.gateway.shadow.CandidateView;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.risk.Params;

import java.util.Map;

/** The candidate shadow books the pipeline starts, reads and ends. */
public interface CandidateShadows {

    /** When the shadow books are off: nothing can be shadowed. */
    CandidateShadows NONE = new CandidateShadows() {
        @Override
        public boolean start(String name, Params params) {
            return false;
        }

        @Override
        public void end(String name, String why) {
        }

        @Override
        public Map<String, CandidateView> candidates() {
            return Map.of();
        }
    };

    /** Asks for a candidate shadow; false when no shadow books run at all. */
    boolean start(String name, Params params);

    void end(String name, String why);

    /** The candidates by name, as of the shadow books' last step. */
    Map<String, CandidateView> candidates();

    /** The candidates of {@code books}. */
    static CandidateShadows of(ShadowBooks books) {
        if (books == null) {
            return NONE;
        }
        return new CandidateShadows() {
            @Override
            public boolean start(String name, Params params) {
                books.startCandidate(name, params);
                return true;
            }

            @Override
            public void end(String name, String why) {
                books.endCandidate(name, why);
            }

            @Override
            public Map<String, CandidateView> candidates() {
                return books.candidates();
            }
        };
    }
}
