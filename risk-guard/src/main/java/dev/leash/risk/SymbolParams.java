package dev.leash.risk;

/** Per-symbol overrides: whether the symbol trades and the multiplier applied to its position size. */
public record SymbolParams(boolean enabled, double sizeMultiplier) {

    public SymbolParams {
        sizeMultiplier = sizeMultiplier == 0.0 ? 0.0 : sizeMultiplier; // folds -0.0 into 0.0
    }
}
