/* Checklist results by pillar: counts, share of Yes, SVG chart and table (checklist page and report). */
