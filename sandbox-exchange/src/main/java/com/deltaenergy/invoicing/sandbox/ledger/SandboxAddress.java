package com.deltaenergy.invoicing.sandbox.ledger;

import java.time.Instant;

/** A deposit address the sandbox handed out for a coin on a network (MEXC label). */
public record SandboxAddress(String coin, String network, String address, String memo, Instant createdAt) {}
