package org.ferret.intelligence;

/** The language of an indicator term ({@code ANY} for makes, models, calibres and file names). */
public enum IndicatorLanguage {
    ANY, EN, DE, FR, ES, NL
}
