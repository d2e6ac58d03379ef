/** The default rule set as shipped, and how to load it or an analyst's copy. */
package io.billwright.rules;
