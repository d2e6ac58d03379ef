/** Reading CloudEvents JSON Lines files with the service's own reader, by contract, with their period. */
package io.billwright.simulations.input;
