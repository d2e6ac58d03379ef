/** The billable items the rules decide about: time entries, expenses, milestones, instalments, fees. */
package io.billwright.engine.item;
