/* The challenges component's behaviour. */
