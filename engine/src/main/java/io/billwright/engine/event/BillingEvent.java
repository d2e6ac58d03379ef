package io.billwright.engine.event;

import io.billwright.engine.contract.ContractId;

/** Something that happened to one contract. Every engine call applies exactly one of these. */
public sealed interface BillingEvent
        permits ContractReceived, TimeEntryRecorded, ExpenseRecorded, MilestoneCompleted, MilestoneAccepted,
        BillingPeriodClosed, ContractCompleted, ManualDecision {

    EventId id();

    ContractId contractId();
}
