/* The mission component's behaviour. */
