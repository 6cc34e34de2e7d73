// Test support: waiting for what a background process does.
/** Polls until the condition holds; fails after 20 s (the machines running CI may be loaded). */
export async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still not true after 20 s: ${condition.toString()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
