/**
 * What the ERP connectors say about the packages they were sent: {@code io.billwright.erp.posted.v1} and
 * {@code io.billwright.erp.rejected.v1} on the acknowledgements queue, read, recorded once per message id,
 * and set on the package they name. See {@code docs/erp-contract.md}, "Acknowledging packages".
 */
package io.billwright.messaging.acknowledgement;
