/* The smart component's behaviour. */
