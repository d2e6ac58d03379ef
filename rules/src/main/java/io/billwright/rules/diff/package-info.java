/** What differs between two rule sets: the rules added, removed and changed, with their texts. */
package io.billwright.rules.diff;
