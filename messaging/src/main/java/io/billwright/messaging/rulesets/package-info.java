/** The rule sets the service decides with: loading, gated hot reload, the versions kept, rollback, admin HTTP. */
package io.billwright.messaging.rulesets;
