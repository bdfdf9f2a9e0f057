package dev.journeys.api;

/** Thrown only by {@link MoveOutcome#orThrow()}, for callers who prefer exceptions to outcomes. */
public class MoveRejectedException extends JourneysException {

    private final Rejection rejection;

    public MoveRejectedException(Rejection rejection) {
        super(ErrorCode.MOVE_REJECTED, rejection.code() + ": " + rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
