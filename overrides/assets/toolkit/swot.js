/* The swot component's behaviour. */
