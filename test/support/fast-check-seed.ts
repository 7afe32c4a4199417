// Property tests run on one seed, so a run is repeatable and CI fails or passes the same way every time.
// FC_SEED=<n> (or FC_SEED=random) explores other inputs; a failure prints its seed to replay it here.
import fc from "fast-check";

const chosen = process.env.FC_SEED;
if (chosen !== "random") fc.configureGlobal({ seed: chosen ? Number(chosen) : 20_261_207 });
