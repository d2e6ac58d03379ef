/** ERP payloads: one record per ERP target, mapped from a billing package by MapStruct, with one shared tax-code table. */
package io.billwright.messaging.erp;
