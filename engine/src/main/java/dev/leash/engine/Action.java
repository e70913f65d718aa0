package dev.leash.engine;

/** What the engine decided for a symbol. */
public enum Action {
    /** Bar close: nothing to do; levels updated. */
    HOLD,
    /** A trade was wanted but not made; the decision's reason says why. */
    SKIP,
    ENTER_LONG,
    ENTER_SHORT,
    /** Close the position on the opposite break while not allowed to reverse. */
    EXIT,
    /** Close a short and open a long on an upside break. */
    REVERSE_LONG,
    /** Close a long and open a short on a downside break. */
    REVERSE_SHORT,
    STOP_LOSS,
    TAKE_PROFIT,
    /** Close everything: daily loss limit reached. */
    FLATTEN
}
