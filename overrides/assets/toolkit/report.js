/* The report component's behaviour. */
