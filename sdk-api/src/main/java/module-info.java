/**
 * The Journeys SDK's public surface: the API hosts call ({@code dev.journeys.api}) and the SPI plugins
 * implement ({@code dev.journeys.spi}). It depends on nothing but the JDK.
 */
module dev.journeys.api {
    exports dev.journeys.api;
    exports dev.journeys.spi;
}
