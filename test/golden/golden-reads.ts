/** The reads a golden log is held to: each a GET path whose JSON answer is recorded, then compared on replay. */
export interface GoldenFixture {
  /** File stem under test/golden/: `<name>.events.ndjson`, `<name>.reads.json`. */
  readonly name: string;
  readonly reads: readonly string[];
}

const API = '/api/v1';

/** The time-travel scenario: missions, launches, measurements and a restatement, milestones, a redesign, a closure, CITPs. */
export const TIME_TRAVEL: GoldenFixture = {
  name: 'time-travel',
  reads: [
    `${API}/portfolio?at=2022-06-30`,
    `${API}/portfolio?at=2019-12-31`,
    `${API}/portfolio?at=2020-12-31&asOf=11`,
    `${API}/missions?at=2022-06-30`,
    `${API}/projects?at=2022-06-30`,
    `${API}/projects/franceconnect?at=2022-06-30`,
    `${API}/projects/franceconnect?at=2022-06-30&asOf=18`,
    `${API}/projects/franceconnect/history?at=2022-06-30`,
    `${API}/projects/franceconnect/indicators/usagers-franceconnect/series?at=2022-06-30`,
    `${API}/projects/hubee?at=2022-06-30`,
    `${API}/projects/hubee/history?at=2022-06-30`,
    `${API}/projects/vitam?at=2022-06-30`,
    `${API}/milestones?overdue=true&at=2021-06-30`,
    `${API}/review-cycles?at=2022-06-30`,
    `${API}/review-cycles/citp-5?at=2022-06-30`,
    `${API}/review-cycles/citp-6/diff?against=citp-4&at=2022-06-30`,
    `${API}/diff?fromAt=2019-12-31&toAt=2021-12-31`,
    `${API}/audit/verify`,
  ],
};

export const GOLDEN_FIXTURES: readonly GoldenFixture[] = [TIME_TRAVEL];
