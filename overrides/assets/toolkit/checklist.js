/* The checklist component's behaviour. */
