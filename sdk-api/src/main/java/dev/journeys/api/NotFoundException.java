package dev.journeys.api;

/** A journey or stage id or name that does not exist in this tenant. */
public class NotFoundException extends JourneysException {
    public NotFoundException(ErrorCode code, String message) {
        super(code, message);
    }

    public static NotFoundException journey(Object journey) {
        return new NotFoundException(ErrorCode.JOURNEY_NOT_FOUND, "no journey " + journey + " in this tenant");
    }

    public static NotFoundException automation(long id) {
        return new NotFoundException(ErrorCode.AUTOMATION_NOT_FOUND, "no automation " + id + " in this tenant");
    }

    public static NotFoundException importJob(long id) {
        return new NotFoundException(ErrorCode.IMPORT_JOB_NOT_FOUND, "no import job " + id + " in this tenant");
    }

    public static NotFoundException stage(Object stage) {
        return new NotFoundException(ErrorCode.STAGE_NOT_FOUND, "no stage " + stage + " in this journey");
    }

    public static NotFoundException stage(StageId stage, JourneyRef journey) {
        return new NotFoundException(ErrorCode.STAGE_NOT_FOUND, "journey " + journey + " has no stage " + stage.value());
    }
}
