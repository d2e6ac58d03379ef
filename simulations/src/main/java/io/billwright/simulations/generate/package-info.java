/**
 * The what-if simulator's data-set generator: a firm's quarter, from a seed, as the CloudEvents JSON Lines the
 * billing service consumes.
 */
package io.billwright.simulations.generate;
