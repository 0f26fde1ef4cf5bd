package com.deltaenergy.invoicing.activities;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the activities with their real collaborators: PostgreSQL, and the sandbox exchange. */
@SpringBootApplication(scanBasePackages = "com.deltaenergy.invoicing")
public class ActivitiesTestApplication {}
