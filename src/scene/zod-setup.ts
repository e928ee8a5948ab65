// zod 4 compiles fast parsers with `new Function` unless told not to, and
// probes for eval to decide. Pages that validate scenes in the browser (the
// embed with a YAML src, the editor) must run under a Content-Security-Policy
// without 'unsafe-eval', where even the probe is reported as a violation.
// Object schemas read this when they are built, so it is imported before any.
import { z } from 'zod';

z.config({ jitless: true });
