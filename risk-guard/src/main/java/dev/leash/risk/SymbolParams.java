package dev.leash.risk;

/** Per-symbol overrides: whether the symbol trades and the multiplier applied to its position size. */
public record SymbolParams(boolean enabled, double sizeMultiplier) {

    /**
     * The multiplier a symbol has before any is set: a symbol absent from the params counts as this value for the
     * step rule, so enabling a new symbol at the default size is one step, not a jump from 0.
     */
    public static final double DEFAULT_SIZE_MULTIPLIER = 1.0;

    public SymbolParams {
        sizeMultiplier = sizeMultiplier == 0.0 ? 0.0 : sizeMultiplier; // folds -0.0 into 0.0
    }
}
