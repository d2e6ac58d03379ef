/** What-if simulations: the same events through a baseline and a candidate rule set. */
package io.billwright.simulations;
