/** Contracts and their terms: versions, customer, seller, rate card, caps, retention, expense policy. */
package io.billwright.engine.contract;
