/** Rule sets as the engine sees them: sources, versions, compilation problems and evaluation. */
package io.billwright.engine.ruleset;
