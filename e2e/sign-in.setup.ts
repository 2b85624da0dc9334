import { test as setup } from "@playwright/test";

import { ROLES } from "../lib/auth/roles";

import { demoUser, signInThroughForm } from "./demo-users";
import { storageStatePath } from "./e2e-settings";

// Saves each role's session cookie, so specs can start signed in.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInThroughForm(page, demoUser(role));
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
