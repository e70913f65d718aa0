/**
 * "Is the AI helping?": the scorecard worked out from the journal alone (the live book's fills, the shadow books'
 * runs and fills), so every figure can be recomputed by hand. Reads only; no thread of its own.
 */
package dev.leash.gateway.scorecard;
