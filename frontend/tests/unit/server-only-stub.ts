// In unit tests server modules may be imported directly; Next enforces "server-only" in builds.
export {};
