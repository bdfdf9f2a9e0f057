package dev.journeys.api;

/** Called after a move has committed; never for refused or no-op moves. */
@FunctionalInterface
public interface StageChangeListener {
    void onStageChange(StageChange change);
}
