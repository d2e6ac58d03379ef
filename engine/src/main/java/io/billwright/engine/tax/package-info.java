/**
 * Tax: the facts tax rules decide on, their conclusions (treatment, rate), the EU VAT area, and how a
 * package's tax is determined from them.
 */
package io.billwright.engine.tax;
