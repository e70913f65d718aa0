/**
 * The strategy promotion pipeline: a proposed strategy is validated, backtested against the live one out of sample,
 * shadowed on live ticks, then promoted through param-store or retired; every stage is journaled with its figures.
 *
 * <p>Threading: {@link dev.leash.gateway.strategies.StrategyPipeline} is one lock; proposals and operator commands
 * arrive on REST threads, {@link dev.leash.gateway.strategies.StrategyPipeline#tick} on a scheduler.
 */
package dev.leash.gateway.strategies;
